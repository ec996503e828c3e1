// wrangler.toml bundles *.sql as Text modules: the import is the file's contents.
declare module "*.sql" {
  const text: string;
  export default text;
}
