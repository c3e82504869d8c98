// The demo page's buttons: one does nothing, one throws, one works.
document.addEventListener('DOMContentLoaded', function () {
  var coupon = document.getElementById('coupon');
  var works = document.getElementById('works');
  if (coupon) {
    coupon.addEventListener('click', function () {
      var order = undefined;
      return order.coupon.code; // TypeError: Cannot read properties of undefined
    });
  }
  if (works) {
    works.addEventListener('click', function () {
      var basket = document.getElementById('basket');
      basket.textContent = String(Number(basket.textContent) + 1);
    });
  }
});
