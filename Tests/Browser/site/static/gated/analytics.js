// Stands in for an analytics tag: sets first-party cookies (one a pattern name), storage keys, and
// records that it ran.
document.cookie = '_ga=GA1.1.42; Path=/; Max-Age=86400';
document.cookie = '_ga_ABC123=GS1.1; Path=/; Max-Age=86400';
document.cookie = '_ga_PARENT=GS1.1; Path=/; Max-Age=86400; Domain=kent.test';
sessionStorage.setItem('_hjRecordingLastActivity', '1');
localStorage.setItem('_hjLocal', '1');
(window.noticeTest = window.noticeTest || []).push('analytics');
// As analytics tags do with their last hit: write the cookie again as the page unloads (after a
// withdrawal's clean-up, before the reload).
addEventListener('pagehide', () => { document.cookie = '_ga=GA1.1.42; Path=/; Max-Age=86400'; });
