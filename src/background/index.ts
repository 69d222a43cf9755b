// PLACEHOLDER background: replaced by the worker implementation.
import browser from '../shared/browser';
browser.runtime.onInstalled.addListener(() => undefined);
