// The script tag's lazily loaded chunk: the config validator and the UI. A first visit needs
// both; a returning visitor whose config is unchanged loads neither.
export { parseConfig } from './core/config'
export { mount } from './ui/mount'
