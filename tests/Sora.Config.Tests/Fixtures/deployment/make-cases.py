#!/usr/bin/env python3
# Regenerates cases/ from base/: one bad and one good variant per deployment rule (run from this folder).
import os, shutil, re, subprocess
base='base'
cases={}
def case(rule, bad, good, expect, maxconn=2000):
    cases[rule]=(bad,good,expect,maxconn)
def rep(f, old, new):
    def m(d):
        p=os.path.join(d,f); s=open(p).read()
        assert old in s, (f, old)
        open(p,'w').write(s.replace(old,new,1))
    return m
def add(f, text):
    def m(d):
        p=os.path.join(d,f); os.makedirs(os.path.dirname(p), exist_ok=True); open(p,'w').write(text)
    return m
def seq(*ms):
    def m(d):
        for x in ms: x(d)
    return m
def cert(names):
    def m(d):
        san=",".join("DNS:"+n for n in names)
        subprocess.run(["openssl","req","-x509","-newkey","rsa:2048","-nodes","-keyout",d+"/certs/privkey.pem","-out",d+"/certs/fullchain.pem","-days","36500","-subj","/CN="+names[0],"-addext","subjectAltName="+san],check=True,capture_output=True)
    return m
none=lambda d: None
case('SORA3001', rep('nginx.conf','server 10.0.0.10:3478;','server 127.0.0.1:3478;'), rep('nginx.conf','server 10.0.0.10:3478;','server 10.0.0.10:3478 max_fails=3;'), ['nginx.conf:15'])
case('SORA3002', rep('sora.conf','turn_tls_port = 443','turn_tls_port = 5349'), none, ['sora.conf:9'])
case('SORA3003', rep('sora.conf','turn_tcp_port = 443','turn_tcp_port = 3478'), none, ['sora.conf:6'])
case('SORA3004', rep('sora.conf','turn_tls_fqdn = sora-turns.corp.internal','turn_tls_fqdn = turns.corp.internal'), none, ['sora.conf:8'])
case('SORA3005', cert(['sora.corp.internal']), cert(['*.corp.internal']), ['nginx.conf:20'])
case('SORA3006', seq(rep('nginx.conf','ssl_certificate certs/fullchain.pem;','ssl_certificate certs/missing.pem;')), none, ['nginx.conf:34'])
case('SORA3007', none, none, ['sora.conf:0'], 20000)
case('SORA3008', rep('sora.service','LimitNOFILE=65536','LimitNOFILE=1024'), rep('sora.service','LimitNOFILE=65536','LimitNOFILE=8192'), ['sora.service:16'])
case('SORA3009', rep('sora.service','LimitNOFILE=65536','LimitNOFILE=infinity'), rep('sora.service','LimitNOFILE=65536','LimitNOFILE=65536:1048576'), ['sora.service:16'])
case('SORA3012', rep('sora.conf','api_loopback_address_only = true','api_loopback_address_only = false'), none, ['sora.conf:4'])
case('SORA3013', rep('nginx.conf','        location / {','        location = /api {\n            proxy_pass http://127.0.0.1:3000/;\n        }\n\n        location / {'),
     rep('nginx.conf','        location / {','        location = /api {\n            auth_basic "Sora API";\n            auth_basic_user_file htpasswd;\n            proxy_pass http://127.0.0.1:3000/;\n        }\n\n        location / {'), ['nginx.conf:66'])
case('SORA3014', rep('sora.conf','ipv4_address = 10.0.0.10','ipv4_address = 10.0.0.10\napi_port = 443'), none, ['sora.conf:3'])
case('SORA3015', seq(rep('nginx.conf','sora.corp.internal unix','sora.example.com unix'), rep('nginx.conf','server_name sora.corp.internal;','server_name sora.example.com;')), none, ['nginx.conf:19'])
case('SORA3016', rep('sora.service','User=sora','User=root'), rep('sora.service','User=sora','User=sora-sfu'), ['sora.service:10'])
case('SORA3017', add('sysctl.d/99-zz-local.conf','# 後から読まれるファイルが優先されます\nnet.core.rmem_max = 4194304\nnet.ipv4.udp_mem = 262144 131072 65536\n'),
     add('sysctl.d/99-zz-local.conf','# 後から読まれるファイルが優先されます\nnet.core.rmem_max = 26214400\n'), ['sysctl.d/99-zz-local.conf:2','sysctl.d/99-zz-local.conf:3'])
case('SORA3030', rep('nginx.conf','        proxy_protocol on;\n    }\n\n    # TURN-TLS','        proxy_protocol on\n    }\n\n    # TURN-TLS'), rep('nginx.conf','        proxy_protocol on;\n    }\n\n    # TURN-TLS','        proxy_protocol "on";\n    }\n\n    # TURN-TLS'), ['nginx.conf:29'])
case('SORA3031', rep('nginx.conf','        ssl_preread on;\n',''), rep('nginx.conf','        listen 443;','        listen 0.0.0.0:443;'), ['nginx.conf:25'])
case('SORA3032', rep('nginx.conf','listen unix:/run/nginx-sora-turns.sock ssl proxy_protocol;','listen unix:/run/nginx-sora-turns.sock ssl;'),
     seq(rep('nginx.conf','listen unix:/run/nginx-sora-turns.sock ssl proxy_protocol;','listen unix:/run/nginx-sora-turns.sock ssl;'),
         rep('nginx.conf','listen unix:/run/nginx-sora-signaling.sock ssl proxy_protocol;','listen unix:/run/nginx-sora-signaling.sock ssl;'),
         rep('nginx.conf','        proxy_pass $sora_upstream;\n        proxy_protocol on;','        proxy_pass $sora_upstream;'),
         rep('nginx.conf','        real_ip_header proxy_protocol;\n','')), ['nginx.conf:33'])
case('SORA3033', rep('nginx.conf','            proxy_set_header Upgrade $http_upgrade;\n',''), rep('nginx.conf','proxy_set_header Connection $connection_upgrade;','proxy_set_header Connection "upgrade";'), ['nginx.conf:58'])
case('SORA3034', rep('sora.service','bin/sora foreground','bin/sora daemon'), rep('sora.service','ExecStart=/home/sora/sora/bin/sora foreground','ExecStart=/home/sora/sora/bin/sora \\\n    foreground'), ['sora.service:13'])
case('SORA3035', rep('sora.service','Restart=on-failure\n',''), rep('sora.service','Restart=on-failure','Restart=always'), ['sora.service:13'])
case('SORA3036', rep('sora.service','RestartSec=5s','RestartSec=5s\nStartLimitIntervalSec=120'), rep('sora.service','RestartSec=5s','RestartSec=5s\nStartLimitInterval=120'), ['sora.service:16'])
shutil.rmtree('cases', ignore_errors=True)
for rule,(bad,good,expect,maxconn) in cases.items():
    for kind,mut in (('bad',bad),('good',good)):
        d='cases/%s-%s'%(rule,kind)
        shutil.copytree(base,d)
        mut(d)
        with open(d+'/case.txt','w') as f:
            f.write('rule: %s\nmax-connections: %d\n'%(rule, maxconn if kind=='bad' else 2000 if rule!='SORA3007' else 10000))
            if kind=='bad':
                for e in expect: f.write('expect: %s\n'%e)
