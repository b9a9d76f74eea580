// The verifier page: scan a certificate's QR code with the phone's camera (html5-qrcode, served by the platform)
// and open its verdict on this platform. Uploads and number look-ups are plain forms.
(function () {
	'use strict';
	var start = document.getElementById('camera-start');
	var status = document.getElementById('camera-status');
	if (!start || !status) {
		return;
	}
	var TOKEN = /\/v\/([A-Za-z0-9_-]{20,200})(?:[?#].*)?$/;
	var scanner = null;

	function say(key) {
		status.textContent = status.getAttribute('data-' + key) || '';
	}

	start.addEventListener('click', function () {
		if (typeof window.Html5Qrcode === 'undefined' || !navigator.mediaDevices) {
			say('unsupported');
			return;
		}
		if (scanner) {
			return;
		}
		scanner = new window.Html5Qrcode('camera-reader');
		say('scanning');
		scanner.start({ facingMode: 'environment' }, { fps: 10, qrbox: { width: 250, height: 250 } },
			function (text) {
				var match = TOKEN.exec(text.trim());
				if (!match) {
					say('foreign');
					return;
				}
				scanner.stop().catch(function () { }).then(function () {
					window.location.assign('/v/' + match[1]);
				});
			},
			function () { /* no code in this frame */ })
			.catch(function () {
				scanner = null;
				say('denied');
			});
	});
}());
