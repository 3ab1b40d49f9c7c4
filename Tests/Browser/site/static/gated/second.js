(window.noticeTest = window.noticeTest || []).push('analytics-second');
