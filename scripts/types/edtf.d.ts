// The edtf package ships no types; this declares the one call the pipeline makes.
declare module 'edtf' {
  interface Parsed {
    /** First millisecond the value can mean (UTC). */
    min: number;
    /** Last millisecond the value can mean (UTC). */
    max: number;
    type: string;
  }
  function edtf(value: string): Parsed;
  export default edtf;
}
