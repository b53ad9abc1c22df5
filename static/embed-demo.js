// Logs the widgets' events on the host page, as a host's analytics would see them.
const log = document.getElementById('host-events');
for (const name of ['lpq-start', 'lpq-step', 'lpq-complete']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${event.target.id} ${name} ${JSON.stringify(event.detail)}`;
    item.dataset.event = name;
    item.dataset.source = event.target.id;
    item.dataset.detail = JSON.stringify(event.detail);
    log.append(item);
  });
}
