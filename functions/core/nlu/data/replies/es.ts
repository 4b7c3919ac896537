import type { ReplyTexts } from './types';

export const ES: ReplyTexts = {
  orderStatus: {
    pending: 'recibido y pendiente de confirmación',
    paid: 'pagado y a la espera de preparación',
    processing: 'en preparación',
    shipped: 'enviado',
    delivered: 'entregado',
    cancelled: 'cancelado',
    returned: 'devuelto',
  },
  shipmentStatus: {
    label_created: 'empaquetado y a la espera de que lo recoja el transportista',
    in_transit: 'en camino',
    out_for_delivery: 'en reparto',
    delivered: 'entregado',
    exception: 'retrasado por una incidencia en la entrega',
    customs_hold: 'retenido en aduana',
    returned: 'de vuelta hacia nosotros',
  },
  orderSummary: 'Tu pedido {orderId} ({items}) está {status}.',
  notShippedYet: 'Todavía no se ha enviado.',
  carrier: 'Transportista: {carrier}, número de seguimiento {trackingNumber}.',
  lastEvent: 'Última actualización, {date} en {location}: {description}.',
  lastEventNoLocation: 'Última actualización, {date}: {description}.',
  estimatedDelivery: 'Entrega estimada: {date}.',
  chooseOrder: 'He encontrado {count} pedidos recientes en tu cuenta. ¿A cuál te refieres?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'No he encontrado pedidos en tu cuenta. Si compraste con otro correo electrónico, una persona de nuestro equipo puede buscarlo.',
  orderNotFound:
    'No he encontrado ese pedido en tu cuenta. Revisa el número de pedido o, si quieres, le pido ayuda a una persona de nuestro equipo.',
  askOrderNumber: '¿Me envías tu número de pedido? Lo encontrarás en el correo de confirmación del pedido.',
  greeting:
    '¡Hola! Soy el asistente de la tienda. Puedo decirte dónde está tu pedido o avisar a una persona de nuestro equipo. ¿En qué te ayudo?',
  thanks: '¡De nada! ¿Puedo ayudarte con algo más?',
  outOfScope:
    'Aquí puedo ayudarte con tus pedidos: entregas, devoluciones, cambios, tallas y productos. ¿Qué necesitas?',
  handoff:
    'Por supuesto. Le pido a una persona de nuestro equipo que se una al chat; te responderá aquí en breve.',
  videoCall:
    'Claro. Le pido a una persona de nuestro equipo que se una; podrá iniciar una videollamada contigo aquí mismo, en el chat.',
  teamWillHelp:
    'Gracias, lo he anotado. Una persona de nuestro equipo te ayudará con esto aquí en breve. Mientras tanto, puedo decirte dónde está tu pedido.',
  unsure:
    'No estoy seguro de haberte entendido. Le pido ayuda a una persona de nuestro equipo; te responderá aquí en breve.',
  itemSize: 'talla {size}',
  listSeparator: ', ',
};
