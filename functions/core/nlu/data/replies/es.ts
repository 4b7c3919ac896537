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
  afterSales: {
    returnOpened:
      'He abierto la devolución {rmaId} para {item} del pedido {orderId}. Envíalo de vuelta antes del {lastDay}; la etiqueta de devolución te llegará por correo. Te reembolsaremos {amount} cuando lo recibamos.',
    exchangeOpened:
      'He abierto el cambio {rmaId} para {item} del pedido {orderId}. Envíalo de vuelta antes del {lastDay}; la etiqueta te llegará por correo y enviaremos el reemplazo en cuanto lo recibamos.',
    returnNeedsPerson:
      'He abierto la devolución {rmaId} para {item}. Un reembolso de {amount} necesita la aprobación de una persona de nuestro equipo; te lo confirmará aquí en breve.',
    returnAlreadyOpen: 'Ya hay una devolución para {item}: {rmaId}, {state}.',
    returnRefused: 'Lo siento, {item} del pedido {orderId} no se puede devolver: {why}',
    returnWhy: {
      not_delivered_yet: 'todavía no se ha entregado. Cuando llegue, escríbeme y empezaré la devolución.',
      final_sale:
        'es un artículo de venta final. Si está defectuoso, dímelo y una persona de nuestro equipo te ayudará.',
      outside_window:
        'el plazo de devolución terminó el {lastDay}. Si está defectuoso, una persona de nuestro equipo puede revisarlo.',
      already_returned: 'ya se ha devuelto.',
      other:
        'nuestra política de devoluciones no lo permite. Una persona de nuestro equipo puede revisarlo contigo.',
    },
    askWhichItem: '¿De qué artículo se trata? {items}',
    returnStatus: 'Devolución {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'pendiente de nuestra aprobación; te avisaremos en cuanto se decida',
      approved: 'aprobada, a la espera de que nos envíes el artículo',
      in_transit: 'de camino hacia nosotros',
      received: 'recibida, en revisión',
      refunded: 'reembolsada',
      exchanged: 'cambiada, el reemplazo está en camino',
      rejected: 'no aceptada; una persona de nuestro equipo te explicará el motivo',
    },
    noReturns: 'No encuentro ninguna devolución para el pedido {orderId}. ¿Quieres iniciar una?',
    cancelled:
      'El pedido {orderId} está cancelado. Te reembolsaremos {amount} en tu método de pago original.',
    cancelNeedsPerson:
      'El pedido {orderId} aún no se ha enviado. Por el importe ({amount}), una persona de nuestro equipo confirmará la cancelación aquí en breve.',
    cancelShipped:
      'El pedido {orderId} ya se ha enviado, así que ya no se puede cancelar. Cuando llegue, puedes devolverlo: solo dímelo.',
    cancelNotPossible:
      'El pedido {orderId} no se puede cancelar aquí. Una persona de nuestro equipo puede ayudarte.',
    changeRequested:
      'El pedido {orderId} aún no se ha enviado, así que todavía se puede cambiar. He pasado tu solicitud a nuestro equipo (ticket {ticketId}); te lo confirmarán aquí antes del envío.',
    changeAskValue: '¿Qué talla o color quieres en su lugar?',
    changeShipped:
      'El pedido {orderId} ya se ha enviado, así que ya no se puede modificar. Cuando llegue, puedo organizar un cambio.',
    changeNotPossible:
      'No puedo modificar el pedido {orderId} yo mismo. Una persona de nuestro equipo puede ayudarte.',
    sizeAdvice: 'Para {product}, te recomiendo la talla {size}.',
    sizeReturnsNote:
      'Es una talla distinta de la tabla: quienes lo devolvieron notaron que su talla es diferente.',
    sizeReasonChart: 'Tus medidas ({measured}) entran en la talla {size} de su tabla de tallas.',
    sizeReasonBetween:
      'Tus medidas ({measured}) quedan entre la {lower} y la {upper} de su tabla de tallas, así que elegí la {size}.',
    sizeAskBody:
      'Para recomendarte una talla de {product}, dime tu altura y tu peso (por ejemplo 170 cm y 65 kg).',
    sizeAskFoot:
      'Para recomendarte una talla de {product}, dime la longitud de tu pie, del talón al dedo más largo (por ejemplo 26,5 cm).',
    sizeAskProduct: '¿Para qué producto quieres consejo de talla? Por ejemplo: {products}.',
    sizeCannot:
      'Prefiero no adivinar una talla de {product} con esas medidas. Revísalas, o puedo pedir ayuda a una persona de nuestro equipo.',
    knowledgeSource: 'Fuente: {source}',
    offerFollowUp: 'También preguntaste: «{request}». ¿Te ayudo con eso a continuación? Solo di que sí.',
    knowledgeOtherLanguage: 'Esta respuesta solo está disponible en el idioma de la tienda ({language}).',
    noAnswer:
      'No sé la respuesta y prefiero no inventarla. Le pido ayuda a una persona de nuestro equipo; te responderá aquí en breve.',
    claimOpened:
      'Lo siento mucho. He abierto el caso {claimId} y lo he pasado al equipo responsable; una persona te responderá aquí en breve.',
    askPhoto:
      'Si puedes, envía una foto del artículo y de su etiqueta con el botón de la cámara: nos ayuda a resolverlo antes.',
    paymentNote: 'Por favor, nunca envíes números de tarjeta por el chat.',
  },
};
