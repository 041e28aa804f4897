/** Where the tests' Chromium is (`CHROME_PATH`, else the system's). */
export declare const CHROMIUM_PATH: string;
/** Flags that work headless as root on these machines, without reaching for the (closed) network. */
export declare const CHROMIUM_ARGS: string[];
