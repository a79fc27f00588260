// breaker sample page: polls /actuator/breakers and /downstream every second and renders
// one card per breaker. Plain JavaScript, no build step, no network access beyond this app.
'use strict';

const REFRESH_MS = 1000;
const HISTORY_MS = 60_000;
const HISTORY_KEY = 'breaker-sample-history';

// Failure-rate samples per breaker, kept in sessionStorage so a reload keeps the sparkline.
const history = loadHistory();

function loadHistory() {
	try {
		return JSON.parse(sessionStorage.getItem(HISTORY_KEY)) || {};
	} catch (e) {
		return {};
	}
}

function record(name, rate, now) {
	const samples = (history[name] = history[name] || []);
	samples.push([now, rate]);
	while (samples.length && samples[0][0] < now - HISTORY_MS) {
		samples.shift();
	}
}

function percent(rate) {
	return rate < 0 ? '—' : rate.toFixed(1) + ' %';
}

function sparkline(card, samples, now) {
	// x: the last 60 s; y: 0..100 %. A rate of -1 (too few calls) breaks the line.
	let line = '';
	let area = '';
	let run = [];
	const flush = () => {
		if (run.length) {
			line += 'M' + run.join('L');
			area += 'M' + run[0].split(',')[0] + ',50L' + run.join('L') + 'L' + run[run.length - 1].split(',')[0] + ',50Z';
		}
		run = [];
	};
	for (const [at, rate] of samples) {
		if (rate < 0) {
			flush();
			continue;
		}
		const x = (240 * (1 - (now - at) / HISTORY_MS)).toFixed(1);
		const y = (50 - Math.min(rate, 100) / 2).toFixed(1);
		run.push(x + ',' + y);
	}
	flush();
	card.querySelector('.sparkline .line').setAttribute('d', line);
	card.querySelector('.sparkline .area').setAttribute('d', area);
}

function cardFor(name) {
	const id = 'breaker-' + name;
	let card = document.getElementById(id);
	if (!card) {
		card = document.getElementById('breaker-card').content.firstElementChild.cloneNode(true);
		card.id = id;
		card.dataset.name = name;
		card.querySelector('.name').textContent = name;
		card.querySelector('.sparkline').setAttribute('aria-label', 'failure rate of ' + name + ' over the last minute');
		card.querySelectorAll('.actions button').forEach((button) => {
			button.addEventListener('click', () => transition(name, button.dataset.state));
		});
		document.getElementById('breakers').appendChild(card);
	}
	return card;
}

function renderBreaker(name, breaker, now) {
	const card = cardFor(name);
	card.className = 'breaker state-' + breaker.state;
	card.dataset.state = breaker.state;
	card.querySelector('.state').textContent = breaker.state.replace('_', ' ');
	card.querySelector('.shared').hidden = !breaker.shared;
	card.querySelector('.failure-rate').textContent = percent(breaker.failureRate);
	card.querySelector('.slow-call-rate').textContent = percent(breaker.slowCallRate);
	card.querySelector('.buffered-calls').textContent = breaker.bufferedCalls;
	card.querySelector('.failed-calls').textContent = breaker.failedCalls;
	card.querySelector('.slow-calls').textContent = breaker.slowCalls;
	card.querySelector('.not-permitted-calls').textContent = breaker.notPermittedCalls;
	record(name, breaker.failureRate, now);
	sparkline(card, history[name], now);
	const list = card.querySelector('.transitions');
	const items = (breaker.transitions || []).slice(0, 6).map((t) => {
		const li = document.createElement('li');
		const time = document.createElement('time');
		time.dateTime = t.at;
		time.textContent = new Date(t.at).toLocaleTimeString();
		const to = document.createElement('span');
		to.className = 'to state-' + t.to;
		to.textContent = t.to;
		const reason = document.createElement('span');
		reason.className = 'reason';
		reason.textContent = t.reason;
		li.append(time, t.from + ' → ', to, reason);
		return li;
	});
	if (!items.length) {
		const li = document.createElement('li');
		li.className = 'none';
		li.textContent = 'none yet';
		items.push(li);
	}
	list.replaceChildren(...items);
}

function renderDownstream(status) {
	const text = document.getElementById('downstream-status');
	let outage = '';
	if (status.outageChangeInSeconds !== null && status.outageChangeInSeconds !== undefined) {
		outage = status.outage
			? ' · OUTAGE in progress (90% failures), ends in ' + status.outageChangeInSeconds + ' s'
			: ' · next simulated outage in ' + status.outageChangeInSeconds + ' s';
	}
	text.textContent = 'Downstream fails ' + Math.round(status.failureRate * 100) + '% of requests, takes '
		+ status.latencyMs + ' ms' + outage + (status.demoLoad ? ' · demo load on' : ' · demo load off');
	text.classList.toggle('outage', status.outage);
	document.getElementById('demo-load').checked = status.demoLoad;
	document.getElementById('outages').checked = status.outages;
	const form = document.getElementById('chaos-form');
	if (!form.contains(document.activeElement) && !form.dataset.edited) {
		const rate = Math.round(status.failureRate * 100);
		document.getElementById('failure-rate').value = rate;
		document.getElementById('failure-rate-range').value = rate;
		document.getElementById('latency').value = status.latencyMs;
	}
}

async function getJson(url, options) {
	const response = await fetch(url, Object.assign({ cache: 'no-store' }, options));
	if (!response.ok) {
		throw new Error(url + ' answered ' + response.status);
	}
	return response.json();
}

async function refresh() {
	const connection = document.getElementById('connection');
	try {
		const [breakers, downstream] = await Promise.all([getJson('actuator/breakers'), getJson('downstream')]);
		const now = Date.now();
		for (const [name, breaker] of Object.entries(breakers.breakers || {})) {
			renderBreaker(name, breaker, now);
		}
		sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history));
		renderDownstream(downstream);
		connection.textContent = 'live · ' + new Date(now).toLocaleTimeString();
		connection.className = 'connection live';
	} catch (e) {
		connection.textContent = 'disconnected: ' + e.message;
		connection.className = 'connection down';
	}
}

function post(url, body) {
	return getJson(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
}

async function transition(name, state) {
	try {
		await post('actuator/breakers/' + encodeURIComponent(name), { state: state });
	} catch (e) {
		alert('Could not move ' + name + ' to ' + state + ': ' + e.message);
	}
	refresh();
}

async function changeDownstream(change) {
	try {
		renderDownstream(await post('downstream', change));
	} catch (e) {
		alert('Could not change the downstream: ' + e.message);
	}
}

async function getQuote(async) {
	const symbol = encodeURIComponent(document.getElementById('symbol').value.trim() || 'ACME');
	const output = document.getElementById('quote-result');
	try {
		const response = await fetch('quotes/' + symbol + (async ? '/async' : ''), { cache: 'no-store' });
		const body = await response.json();
		if (!response.ok) {
			output.textContent = response.status + ': ' + (body.detail || body.error);
			output.className = 'error';
		} else {
			output.textContent = body.symbol + ' ' + body.price + (body.stale ? ' (stale: ' + body.staleReason + ')' : ' (fresh)');
			output.className = body.stale ? 'stale' : 'fresh';
		}
	} catch (e) {
		output.textContent = e.message;
		output.className = 'error';
	}
}

function wire() {
	const number = document.getElementById('failure-rate');
	const range = document.getElementById('failure-rate-range');
	const form = document.getElementById('chaos-form');
	range.addEventListener('input', () => { number.value = range.value; form.dataset.edited = 'yes'; });
	number.addEventListener('input', () => { range.value = number.value; form.dataset.edited = 'yes'; });
	document.getElementById('latency').addEventListener('input', () => { form.dataset.edited = 'yes'; });
	// Once the user starts editing, the refresh stops overwriting the fields until Apply.
	[number, range, document.getElementById('latency')].forEach((field) => {
		field.addEventListener('focus', () => { form.dataset.edited = 'yes'; });
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		delete form.dataset.edited;
		changeDownstream({
			failureRate: Number(number.value) / 100,
			latencyMs: Number(document.getElementById('latency').value),
		});
	});
	document.getElementById('demo-load').addEventListener('change', (e) => changeDownstream({ demoLoad: e.target.checked }));
	document.getElementById('outages').addEventListener('change', (e) => changeDownstream({ outages: e.target.checked }));
	document.getElementById('quote-form').addEventListener('submit', (event) => {
		event.preventDefault();
		getQuote(false);
	});
	document.getElementById('quote-async').addEventListener('click', () => getQuote(true));
}

wire();
refresh();
setInterval(refresh, REFRESH_MS);
