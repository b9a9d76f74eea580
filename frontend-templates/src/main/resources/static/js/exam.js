/* On a phone the answer sheet starts folded, so the question has the screen. */
(function () {
	'use strict';
	var panel = document.getElementById('sheet-panel');
	if (panel && window.matchMedia && window.matchMedia('(max-width: 800px)').matches) {
		panel.open = false;
	}
}());
// The exam page. Time comes from the server: the countdown is the server's deadline minus the server's clock, and the
// offset to the browser's clock is corrected on every save. Every change is saved at once with a per-question sequence
// number; unsent answers wait in a queue (and in localStorage) while offline and are retried, so nothing typed is lost
// on a dropped connection or a refresh. The server refuses saves after the deadline and submits the attempt by itself.
(function () {
	'use strict';
	var page = document.getElementById('exam');
	if (!page) {
		return;
	}
	var form = document.getElementById('exam-form');
	var api = page.getAttribute('data-api');
	var pageToken = page.getAttribute('data-page-token');
	var deadline = Date.parse(page.getAttribute('data-deadline'));
	var offset = Date.parse(page.getAttribute('data-server-time')) - Date.now();
	var timeLeft = document.getElementById('time-left');
	var saveState = document.getElementById('save-state');
	var alertBox = document.getElementById('exam-alert');
	var storageKey = 'cqo-exam-' + page.getAttribute('data-attempt');
	var pending = {};
	var inFlight = {};
	var seqs = {};
	var closed = false;
	var retryDelay = 1000;
	var retryTimer = null;

	function message(name) {
		return page.getAttribute('data-msg-' + name) || '';
	}

	function headers() {
		return CqoApi.headers(true, pageToken ? { 'X-Attempt-Page': pageToken } : {});
	}

	function serverNow() {
		return Date.now() + offset;
	}

	function resync(serverTime, sentAt) {
		var receivedAt = Date.now();
		offset = Date.parse(serverTime) - (sentAt + receivedAt) / 2;
	}

	function pad(n) {
		return (n < 10 ? '0' : '') + n;
	}

	function tick() {
		var left = Math.max(0, Math.floor((deadline - serverNow()) / 1000));
		var hours = Math.floor(left / 3600);
		var minutes = Math.floor((left % 3600) / 60);
		timeLeft.textContent = (hours > 0 ? hours + ':' : '') + pad(minutes) + ':' + pad(left % 60);
		timeLeft.classList.toggle('urgent', left <= 300);
		if (left === 0 && !closed) {
			timeUp();
		}
	}

	function showAlert(text) {
		alertBox.textContent = text;
		alertBox.hidden = false;
	}

	function lock() {
		form.querySelectorAll('input, textarea, button').forEach(function (el) { el.disabled = true; });
	}

	function timeUp() {
		closed = true;
		showAlert(message('time-up'));
		flush();
		lock();
		waitForResult();
	}

	function waitForResult() {
		fetch(api, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
			.then(function (response) { return response.json(); })
			.then(function (attempt) {
				if (attempt.status !== 'IN_PROGRESS') {
					window.location.assign(page.getAttribute('data-result-url'));
				}
				else {
					setTimeout(waitForResult, 3000);
				}
			})
			.catch(function () { setTimeout(waitForResult, 5000); });
	}

	function remember() {
		try {
			window.localStorage.setItem(storageKey, JSON.stringify(pending));
		}
		catch (e) { /* storage full or disabled: the in-memory queue still retries */ }
	}

	function responseOf(card) {
		var type = card.getAttribute('data-type');
		var name = 'answer-' + card.getAttribute('data-question');
		if (type === 'fill') {
			return Array.prototype.map.call(card.querySelectorAll('input[name="' + name + '"]'), function (input) {
				return input.value;
			});
		}
		if (type === 'essay') {
			return [card.querySelector('textarea').value];
		}
		return Array.prototype.filter.call(card.querySelectorAll('input[name="' + name + '"]'), function (input) {
			return input.checked;
		}).map(function (input) { return input.value; });
	}

	function markSheet(questionId, answered) {
		var link = document.querySelector('#sheet a[data-question="' + questionId + '"]');
		if (link) {
			link.classList.toggle('answered', answered);
		}
	}

	function state(text, kind) {
		saveState.textContent = text;
		saveState.className = 'save-state ' + (kind || '');
	}

	function changed(card) {
		if (closed) {
			return;
		}
		var questionId = card.getAttribute('data-question');
		seqs[questionId] = (seqs[questionId] || 0) + 1;
		var response = responseOf(card);
		pending[questionId] = { response: response, seq: seqs[questionId] };
		markSheet(questionId, response.some(function (value) { return value !== ''; }));
		remember();
		send(questionId);
	}

	function send(questionId) {
		if (inFlight[questionId] || !pending[questionId] || closed && serverNow() > deadline + 30000) {
			return;
		}
		var answer = pending[questionId];
		inFlight[questionId] = true;
		state(message('saving'), 'saving');
		var sentAt = Date.now();
		fetch(api + '/answers/' + encodeURIComponent(questionId), {
			method: 'PUT',
			headers: headers(),
			credentials: 'same-origin',
			body: JSON.stringify(answer)
		}).then(function (response) {
			return response.json().then(function (body) { return { status: response.status, body: body }; });
		}).then(function (result) {
			inFlight[questionId] = false;
			if (result.status === 200) {
				resync(result.body.serverTime, sentAt);
				deadline = Date.parse(result.body.deadline);
				seqs[questionId] = Math.max(seqs[questionId] || 0, result.body.seq);
				if (pending[questionId] && pending[questionId].seq <= result.body.seq) {
					delete pending[questionId];
					remember();
				}
				retryDelay = 1000;
				if (Object.keys(pending).length === 0) {
					state(message('saved'), 'saved');
				}
				else {
					Object.keys(pending).forEach(send);
				}
			}
			else if (result.status === 409) {
				closed = true;
				var code = result.body.errors && result.body.errors[0] && result.body.errors[0].code;
				showAlert(code === 'exam.attempt.otherWindow' ? message('other-window') : message('closed'));
				lock();
				if (code !== 'exam.attempt.otherWindow') {
					waitForResult();
				}
			}
			else {
				showAlert((result.body.errors && result.body.errors[0].message) || result.body.detail);
			}
		}).catch(function () {
			inFlight[questionId] = false;
			state(message('offline'), 'offline');
			scheduleRetry();
		});
	}

	function scheduleRetry() {
		if (retryTimer) {
			return;
		}
		retryTimer = setTimeout(function () {
			retryTimer = null;
			retryDelay = Math.min(retryDelay * 2, 10000);
			flush();
		}, retryDelay);
	}

	function flush() {
		Object.keys(pending).forEach(send);
	}

	function record(type, detail) {
		if (closed) {
			return;
		}
		fetch(api + '/events', {
			method: 'POST',
			headers: headers(),
			credentials: 'same-origin',
			body: JSON.stringify({ type: type, detail: detail || null })
		}).then(function (response) { return response.json(); }).then(function (body) {
			if (body.submitted) {
				closed = true;
				window.location.assign(page.getAttribute('data-result-url'));
			}
			else if (type === 'FOCUS_LOST' && body.limit > 0) {
				showAlert(message('focus').replace('{0}', body.focusLosses).replace('{1}', body.limit));
			}
		}).catch(function () { /* the log is best effort while offline */ });
	}

	// Restore the sequence numbers the server has, then resend anything typed but not acknowledged before a refresh.
	form.querySelectorAll('.exam-question').forEach(function (card) {
		seqs[card.getAttribute('data-question')] = parseInt(card.getAttribute('data-seq'), 10) || 0;
	});
	try {
		var saved = JSON.parse(window.localStorage.getItem(storageKey) || '{}');
		Object.keys(saved).forEach(function (questionId) {
			if (saved[questionId].seq > (seqs[questionId] || 0)) {
				pending[questionId] = saved[questionId];
				seqs[questionId] = saved[questionId].seq;
			}
		});
	}
	catch (e) { /* nothing stored */ }

	form.addEventListener('change', function (event) {
		var card = event.target.closest('.exam-question');
		if (card) {
			changed(card);
		}
	});
	form.addEventListener('input', function (event) {
		var card = event.target.closest('.exam-question');
		if (card && (event.target.type === 'text' || event.target.tagName === 'TEXTAREA')) {
			clearTimeout(card.typingTimer);
			card.typingTimer = setTimeout(function () { changed(card); }, 600);
		}
	});
	form.addEventListener('submit', function (event) { event.preventDefault(); });
	form.querySelectorAll('.flag-button').forEach(function (button) {
		button.addEventListener('click', function () {
			var card = button.closest('.exam-question');
			var questionId = card.getAttribute('data-question');
			var flagged = button.getAttribute('aria-pressed') !== 'true';
			button.setAttribute('aria-pressed', flagged ? 'true' : 'false');
			var link = document.querySelector('#sheet a[data-question="' + questionId + '"]');
			if (link) {
				link.classList.toggle('flagged', flagged);
			}
			fetch(api + '/flags/' + encodeURIComponent(questionId), {
				method: 'PUT', headers: headers(), credentials: 'same-origin', body: JSON.stringify({ flagged: flagged })
			}).catch(function () { /* flags are a convenience */ });
		});
	});
	document.getElementById('submit-attempt').addEventListener('click', function () {
		var unanswered = document.querySelectorAll('#sheet a:not(.answered)').length;
		if (!window.confirm(message('confirm').replace('{0}', unanswered))) {
			return;
		}
		closed = true;
		flush();
		var waitForSaves = function (tries) {
			if (Object.keys(inFlight).some(function (id) { return inFlight[id]; }) && tries > 0) {
				setTimeout(function () { waitForSaves(tries - 1); }, 200);
				return;
			}
			fetch(api + '/submit', { method: 'POST', headers: headers(), credentials: 'same-origin' })
				.then(function () {
					window.localStorage.removeItem(storageKey);
					window.location.assign(page.getAttribute('data-result-url'));
				})
				.catch(function () {
					closed = false;
					state(message('offline'), 'offline');
				});
		};
		waitForSaves(25);
	});
	document.addEventListener('visibilitychange', function () {
		record(document.hidden ? 'FOCUS_LOST' : 'FOCUS_BACK');
	});
	document.addEventListener('copy', function () { record('COPY'); });
	document.addEventListener('fullscreenchange', function () {
		if (!document.fullscreenElement) {
			record('FULLSCREEN_EXIT');
		}
	});
	window.addEventListener('online', function () {
		record('ONLINE');
		flush();
	});
	window.addEventListener('offline', function () {
		state(message('offline'), 'offline');
	});
	tick();
	setInterval(tick, 250);
	if (Object.keys(pending).length > 0) {
		flush();
	}
}());
