import type { ReplyTexts } from './types';

export const EN: ReplyTexts = {
  orderStatus: {
    pending: 'received and awaiting confirmation',
    paid: 'paid and waiting to be prepared',
    processing: 'being prepared',
    shipped: 'shipped',
    delivered: 'delivered',
    cancelled: 'cancelled',
    returned: 'returned',
  },
  shipmentStatus: {
    label_created: 'packed and waiting for the carrier to collect it',
    in_transit: 'on its way',
    out_for_delivery: 'out for delivery',
    delivered: 'delivered',
    exception: 'delayed by a delivery problem',
    customs_hold: 'held at customs',
    returned: 'on its way back to us',
  },
  orderSummary: 'Your order {orderId} ({items}) is {status}.',
  notShippedYet: 'It has not shipped yet.',
  carrier: 'Carrier: {carrier}, tracking number {trackingNumber}.',
  lastEvent: 'Latest update, {date} in {location}: {description}.',
  lastEventNoLocation: 'Latest update, {date}: {description}.',
  estimatedDelivery: 'Estimated delivery: {date}.',
  chooseOrder: 'I found {count} recent orders on your account. Which one do you mean?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    "I couldn't find any orders on your account. If you ordered with another email address, a person from our team can look it up for you.",
  orderNotFound:
    "I couldn't find that order on your account. Please check the order number, or I can ask a person from our team to help.",
  askOrderNumber: 'Could you send me your order number? You will find it in your order confirmation email.',
  greeting:
    "Hello! I'm the shop's assistant. I can tell you where your order is, or get a person from our team. How can I help?",
  thanks: "You're welcome! Is there anything else I can help with?",
  outOfScope:
    'I can help with your orders here: deliveries, returns, exchanges, sizes and products. What can I do for you?',
  handoff: "Of course. I'm asking a person from our team to join this chat; they will reply here shortly.",
  videoCall:
    "Sure. I'm asking a person from our team to join; they can start a video call with you right here in the chat.",
  teamWillHelp:
    "Thank you, I've noted that. A person from our team will help you with this here shortly. Meanwhile, I can tell you where your order is.",
  unsure:
    "I'm not sure I understood. I'm asking a person from our team to help you; they will reply here shortly.",
  itemSize: 'size {size}',
  listSeparator: ', ',
};
