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
  afterSales: {
    returnOpened:
      "I've opened return {rmaId} for {item} from order {orderId}. Please send it back by {lastDay}; the return label comes by email. {amount} will be refunded once it arrives.",
    exchangeOpened:
      "I've opened exchange {rmaId} for {item} from order {orderId}. Please send it back by {lastDay}; the return label comes by email, and we ship the replacement as soon as it arrives.",
    returnNeedsPerson:
      "I've opened return {rmaId} for {item}. A refund of {amount} needs approval from a person on our team; they will confirm here shortly.",
    returnAlreadyOpen: 'There is already a return for {item}: {rmaId}, {state}.',
    returnRefused: 'Sorry, {item} from order {orderId} cannot be returned: {why}',
    returnWhy: {
      not_delivered_yet:
        'it has not been delivered yet. Once it arrives, write to me and I will start the return.',
      final_sale: 'it is a final-sale item. If it is faulty, tell me and a person from our team will help.',
      outside_window:
        'the return period ended on {lastDay}. A person from our team can still look at it if it is faulty.',
      already_returned: 'it has already been returned.',
      other: 'our return policy does not allow it. A person from our team can look at it with you.',
    },
    askWhichItem: 'Which item is it about? {items}',
    returnStatus: 'Return {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'waiting for our approval; we will let you know as soon as it is decided',
      approved: 'approved, waiting for you to send the item back',
      in_transit: 'on its way back to us',
      received: 'received, being checked',
      refunded: 'refunded',
      exchanged: 'exchanged, the replacement is on its way',
      rejected: 'not accepted; a person from our team will explain why',
    },
    noReturns: "I can't find a return for order {orderId}. Would you like to start one?",
    cancelled: 'Order {orderId} is cancelled. {amount} will be refunded to your original payment method.',
    cancelNeedsPerson:
      'Order {orderId} has not shipped yet. Because of the amount ({amount}), a person from our team will confirm the cancellation here shortly.',
    cancelShipped:
      'Order {orderId} has already shipped, so it can no longer be cancelled. Once it arrives, you can return it: just tell me.',
    cancelNotPossible:
      'Order {orderId} cannot be cancelled here. A person from our team can help you with it.',
    changeRequested:
      "Order {orderId} has not shipped yet, so it can still be changed. I've passed your request to our team (ticket {ticketId}); they will confirm here before it ships.",
    changeAskValue: 'Which size or colour would you like instead?',
    changeShipped:
      'Order {orderId} has already shipped, so it can no longer be changed. Once it arrives, I can set up an exchange for you.',
    changeNotPossible: "I can't change order {orderId} myself. A person from our team can help you with it.",
    sizeAdvice: 'For the {product}, I recommend size {size}.',
    sizeReturnsNote:
      'That is one size away from the chart: shoppers who returned it found it fits differently.',
    sizeReasonChart: "Your measurements ({measured}) fall in its size chart's {size} range.",
    sizeReasonBetween:
      'Your measurements ({measured}) sit between {lower} and {upper} on its size chart, so I picked {size}.',
    sizeAskBody:
      'To recommend a size for the {product}, please tell me your height and weight (for example 170 cm and 65 kg, or 5 ft 7 in and 145 lb).',
    sizeAskFoot:
      'To recommend a size for the {product}, please tell me the length of your foot, heel to longest toe (for example 26.5 cm).',
    sizeAskProduct: 'Which product would you like size advice for? For example: {products}.',
    sizeCannot:
      "I'd rather not guess a size for the {product} with those measurements. Please check them, or I can ask a person from our team.",
    knowledgeSource: 'Source: {source}',
    offerFollowUp: 'You also asked: “{request}”. Shall I help with that next? Just say yes.',
    knowledgeOtherLanguage: "This answer is only available in the shop's language ({language}).",
    noAnswer:
      "I don't know the answer to that, and I'd rather not guess. I'm asking a person from our team; they will reply here shortly.",
    claimOpened:
      "I'm sorry about that. I've opened case {claimId} and passed it to the team in charge; a person will reply here shortly.",
    askPhoto:
      'If you can, send a photo of the item and its label with the camera button: it helps us sort this out faster.',
    paymentNote: 'Please never send card numbers in the chat.',
  },
};
