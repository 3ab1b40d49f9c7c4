document.cookie = 'PREF=f1=50000000; Path=/; Max-Age=86400';
(window.noticeTest = window.noticeTest || []).push('functional');
