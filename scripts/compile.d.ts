// Types of compile.js, for the TypeScript that imports it (the tests' global setup).
export declare const STAMP: string;
export declare function staleReason(root: string): string | undefined;
export declare function clientOutdated(root: string): boolean;
export declare function typescriptCompiler(root: string): string | undefined;
export declare function compile(root: string, options: { check: boolean }): number;
