/**
 * The part of pdfmake's Node API used here. @types/pdfmake is not used: it pulls the DOM library into
 * the workspace's single type-check program, and the DOM's fetch types then break the gateway's.
 */
declare module 'pdfmake' {
  interface CreatedPdf {
    getBuffer(): Promise<Buffer>;
  }
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    createPdf(definition: object): CreatedPdf;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
