/** Swedish (klarspråk): the import-export area's messages. */
export const importExport = {} as const;
