/** esbuild's `text` loader turns the built-in templates into strings at build time. */
declare module '*.md' {
  const text: string;
  export default text;
}

/** The report's style sheet (media/report.css), inlined into the HTML report. */
declare module '*.css' {
  const text: string;
  export default text;
}
