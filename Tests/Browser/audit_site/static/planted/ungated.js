// Planted: runs before any choice and stores what the registry does not declare.
document.cookie = 'planted_cookie=1; Path=/; Max-Age=3600';
localStorage.setItem('planted_key', '1');
