// Gated with src= rather than data-src: the form most consent managers document.
(window.noticeTest = window.noticeTest || []).push('legacy-src');
