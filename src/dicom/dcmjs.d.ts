// dcmjs 0.52 ships no type declarations; dcmjsModule.ts gives the parts medstego uses their types.
declare module 'dcmjs' {
  const dcmjs: unknown;
  export default dcmjs;
}
