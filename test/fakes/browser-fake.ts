// PLACEHOLDER in-memory browser fake; replaced with a fuller one.
const browser = {};
export default browser;
