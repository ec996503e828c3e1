// wrangler bundles *.sql as Text modules (its default rules): the import is the file's contents.
declare module "*.sql" {
  const text: string;
  export default text;
}
