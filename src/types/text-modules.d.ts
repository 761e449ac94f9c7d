/** esbuild's `text` loader turns the built-in templates into strings at build time. */
declare module '*.md' {
  const text: string;
  export default text;
}
