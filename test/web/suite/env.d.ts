/** Types for the browser-side globals and the bundler's virtual module. */
declare module 'archdoc-web-tests' {
  /** Loads (requires) every `*.test.ts` of test/web/suite, in name order. */
  const loadTests: () => void;
  export default loadTests;
}
declare module 'mocha/mocha.js';
