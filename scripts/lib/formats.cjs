// The string formats the schemas use, in one CommonJS module: ajv compiles against these, and the
// standalone validators that scripts/lib/schemas.ts caches require them from here.
'use strict';
const { fullFormats } = require('ajv-formats/dist/formats');

module.exports = {
  date: fullFormats.date,
  'date-time': fullFormats['date-time'],
  // The standard "iri" format (a URL that may hold non-ASCII characters, as found pages often do),
  // checked with the WHATWG URL parser that browsers use. Which schemes are allowed is the
  // schema's pattern's business; this checks the form.
  iri(value) {
    try {
      return new URL(value).hostname.includes('.');
    } catch {
      return false;
    }
  },
};
