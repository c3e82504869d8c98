#!/usr/bin/env python3
# How soon a new ticket is found by the search page: creates N phone tickets through the form, each with a
# new word, and asks /search?q=WORD every 10 ms from the 302 until the ticket is listed. Standard library only.
#   python3 bench/findable.py http://127.0.0.1:8091 PASSWORD 20
import urllib.request, urllib.parse, http.cookiejar, re, sys, time, random, string
base=sys.argv[1]; pw=sys.argv[2]; n=int(sys.argv[3])
cj=http.cookiejar.CookieJar(); op=urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj))
h=op.open(base+"/login").read().decode()
csrf=re.search(r'name="_csrf" value="([^"]+)"',h).group(1)
op.open(base+"/login",urllib.parse.urlencode({"username":"root@localhost","password":pw,"_csrf":csrf}).encode())
h=op.open(base+"/tickets/new").read().decode()
csrf=re.search(r'name="_csrf" value="([^"]+)"',h).group(1)
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
nr=urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj), NoRedirect)
ts=[]
for i in range(n):
    word="zq"+"".join(random.choice(string.ascii_lowercase) for _ in range(10))
    data=urllib.parse.urlencode({"_csrf":csrf,"queueId":"2","customerUser":"cust%d"%random.randint(1,10000),"title":"Findable "+word,"body":"The word is "+word,"priority":"3 normal","state":"open","pendingUntil":""}).encode()
    try: nr.open(base+"/tickets/new",data)
    except urllib.error.HTTPError as e:
        if e.code!=302: print(e.code, e.read().decode()[:1500]); raise
    t0=time.perf_counter()
    while True:
        b=op.open(base+"/search?q="+word).read().decode()
        if "Findable "+word in b: break
        if time.perf_counter()-t0>30: print("not found in 30 s"); break
        time.sleep(0.01)
    ts.append((time.perf_counter()-t0)*1000)
ts.sort(); print("findable after the create's 302: n=%d p50 %.0f ms p95 %.0f ms max %.0f ms"%(n,ts[n//2],ts[int(n*0.95)],ts[-1]))
