// Show the account the customer just linked (in your app, your backend stores it: onAccountLinked).
const provider = document.querySelector('mono-provider');
document.addEventListener('mono-success', (event) => {
  provider.accountId = event.detail.accountId;
});
document.addEventListener('mono-error', (event) => console.warn(event.target.localName, event.detail.error));
