export { mount } from './ui/mount'
