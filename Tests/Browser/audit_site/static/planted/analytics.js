// Runs only once analytics is allowed: a declared cookie, and one that lives far longer than declared.
document.cookie = '_ga=GA1.1.42; Path=/; Max-Age=86400';
document.cookie = 'long_lived=1; Path=/; Max-Age=' + 2 * 365 * 86400;
