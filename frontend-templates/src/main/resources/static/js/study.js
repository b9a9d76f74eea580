// The study page. It never says how long someone studied: every interval it reports only that the page is open and
// whether it is visible with its user recently active (page visibility, input events, a playing video), plus the
// video's position. The server measures the time between accepted heartbeats, refuses what comes too early, from a
// tab that another tab replaced, or after a gap, and caps the day. The page shows what the server credited.
(function () {
	'use strict';
	var page = document.getElementById('study');
	if (!page) {
		return;
	}
	var IDLE_LIMIT_MS = 5 * 60 * 1000;
	var api = page.getAttribute('data-api');
	var token = page.getAttribute('data-token');
	var interval = Math.max(1, parseInt(page.getAttribute('data-interval'), 10) || 30) * 1000;
	var required = parseInt(page.getAttribute('data-required'), 10) || 0;
	var minutes = document.getElementById('study-minutes');
	var fill = document.getElementById('study-fill');
	var state = document.getElementById('study-state');
	var done = document.getElementById('study-done');
	var video = document.getElementById('lesson-video');
	var lastActivity = Date.now();
	var stopped = false;

	function message(name) {
		return page.getAttribute('data-msg-' + name) || '';
	}

	function active() {
		lastActivity = Date.now();
	}

	['mousemove', 'mousedown', 'keydown', 'scroll', 'touchstart', 'wheel'].forEach(function (type) {
		window.addEventListener(type, active, { passive: true });
	});

	function visible() {
		var playing = video && !video.paused && !video.ended;
		return document.visibilityState === 'visible' && (playing || Date.now() - lastActivity < IDLE_LIMIT_MS);
	}

	function show(result) {
		var credited = result.creditedSeconds;
		var requiredMinutes = Math.ceil(required / 60);
		minutes.textContent = minutes.textContent.replace(/^\s*\d+/, String(Math.floor(credited / 60)));
		minutes.setAttribute('data-seconds', String(credited));
		if (requiredMinutes > 0) {
			fill.style.width = Math.min(100, result.completed ? 100 : Math.floor(credited * 100 / required)) + '%';
		}
		if (result.completed) {
			done.hidden = false;
			var nextLink = document.getElementById('next-module');
			var nextLocked = document.getElementById('next-locked');
			if (nextLink && nextLocked) {
				nextLink.hidden = false;
				nextLocked.hidden = true;
			}
		}
		if (result.videoAccepted === false && result.outcome !== 'SUPERSEDED') {
			state.textContent = message('video-refused');
			return;
		}
		switch (result.outcome) {
			case 'SUPERSEDED':
				state.textContent = message('superseded');
				stopped = true;
				break;
			case 'HIDDEN':
			case 'RESUMED':
				state.textContent = message('paused');
				break;
			case 'DAILY_CAP':
				state.textContent = message('cap');
				break;
			case 'COMPLETED':
				state.textContent = message('completed');
				break;
			default:
				state.textContent = result.completed ? message('completed') : message('counting');
		}
	}

	function beat() {
		if (stopped) {
			return;
		}
		var body = { token: token, visible: visible() };
		if (video && !isNaN(video.currentTime)) {
			body.videoPosition = video.currentTime;
		}
		CqoApi.postJson(api, body)
			.then(function (response) {
				if (!response.ok) {
					throw new Error(String(response.status));
				}
				return response.json();
			})
			.then(show)
			.catch(function () {
				state.textContent = message('offline');
			})
			.then(function () {
				if (!stopped) {
					window.setTimeout(beat, interval);
				}
			});
	}

	window.setTimeout(beat, interval);
}());

/* A table of contents for long lessons: the lesson's headings, linked (shown when there are three or more). */
(function () {
	'use strict';
	var toc = document.getElementById('lesson-toc');
	var lesson = document.querySelector('.lesson');
	if (!toc || !lesson) {
		return;
	}
	var headings = lesson.querySelectorAll('h2, h3');
	if (headings.length < 3) {
		return;
	}
	var list = toc.querySelector('ol');
	Array.prototype.forEach.call(headings, function (heading, index) {
		if (!heading.id) {
			heading.id = 'section-' + (index + 1);
		}
		var item = document.createElement('li');
		if (heading.tagName === 'H3') {
			item.className = 'toc-sub';
		}
		var link = document.createElement('a');
		link.href = '#' + heading.id;
		link.textContent = heading.textContent;
		item.appendChild(link);
		list.appendChild(item);
	});
	toc.hidden = false;
}());
