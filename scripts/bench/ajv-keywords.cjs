// Lets ajv-cli compile the project's schemas: registers the project's annotation keywords
// (without their checks) and the formats, so that ajv-cli does the same schema work we time.
module.exports = function (ajv) {
  ajv.addKeyword({ keyword: 'refersTo', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'edtf', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-enumDescriptions', schemaType: 'object' });
  require('ajv-formats')(ajv, ['date']);
  ajv.addFormat('iri', (s) => {
    try {
      return new URL(s).hostname.includes('.');
    } catch {
      return false;
    }
  });
  return ajv;
};
