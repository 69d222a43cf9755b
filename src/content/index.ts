// PLACEHOLDER content script: replaced by the scanner implementation.
export {};
