// The script tag's receipts sender, fetched only once a receipt is waiting to be sent.
export { createSender } from './gates/receipts-sender'
