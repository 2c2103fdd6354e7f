// The `smpp` package ships no types; lib/smpp/codec.ts types the few parts it uses.
declare module 'smpp' {
  const smpp: unknown;
  export default smpp;
}
