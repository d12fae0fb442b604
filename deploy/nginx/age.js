// The Age header of an answer nginx replays from its cache (RFC 9111 5.1): whole seconds since the
// API dated it (its Date, which nginx passes through and stores with the entry; an expired entry is
// fetched again whole, so Date is always that of the API's last answer). Empty, so no header, when
// the answer is first-hand (a miss, or an expired entry fetched again).
function age(r) {
    var status = r.variables.upstream_cache_status;
    if (status !== 'HIT' && status !== 'STALE') return '';
    var dated = Date.parse(r.variables.upstream_http_date || '');
    if (isNaN(dated)) return '';
    return String(Math.max(0, Math.floor((Date.now() - dated) / 1000)));
}

export default { age };
