// The plotly bundle the dashboard ships (the strict distribution: scattergl without eval) has the
// API of plotly.js, typed by @types/plotly.js.
declare module 'plotly.js-strict-dist-min' {
  import * as Plotly from 'plotly.js';
  export default Plotly;
}
