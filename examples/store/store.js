// Loaded as a classic script before journeykit.js (the built site's one tag): the queue stub must exist
// before anything calls journeykit.push, and an inline stub would break a strict CSP.
window.journeykit = window.journeykit || []

document.addEventListener('DOMContentLoaded', function () {
  var add = document.getElementById('add-to-cart')
  if (add) {
    add.addEventListener('click', function () {
      // push works before and after the runtime loads (contract §2).
      window.journeykit.push(['track', 'product_added', { sku: 'linen-shirt', price: 49 }])
      document.getElementById('cart-status').textContent = 'Added to your cart.'
    })
  }

  var checkout = document.getElementById('checkout')
  if (checkout) {
    checkout.addEventListener('click', function () {
      window.journeykit.push(['track', 'checkout_started'])
      // The demo has no payment step: the order completes at once, moving the visitor to "purchase".
      window.journeykit.push(['track', 'order_completed', { total: 49, currency: 'USD' }])
      document.getElementById('checkout-status').textContent = 'Checkout started. This is a demo: nothing is charged.'
    })
  }
})
