// datapackage-js (Frictionless) ships no types; the tests use only Package.load and Resource.read.
declare module 'datapackage';
