#!/usr/bin/env bash
# title: ExternalName is only a DNS alias
# group: Services
# summary: An ExternalName Service has no cluster IP and no proxying: CoreDNS answers its name with a CNAME.
# behaviours: 16, 19

## Step: Create an ExternalName Service
# No selector, no ports needed, no cluster IP: the Service only names another DNS name.
kubectl create service externalname database --external-name db.example.com
kubectl get svc database
#check: output contains "db.example.com"
#check: output contains "<none>"

## Step: Look it up from a pod
# CoreDNS answers `database.default.svc.cluster.local` with a CNAME to `db.example.com`; the client then
# resolves that name itself. kube-proxy has no rule for this Service at all.
kubectl run client --image=nicolaka/netshoot -- sleep infinity
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- nslookup database
kubectl exec client -- dig +short database.default.svc.cluster.local
#check: output contains "canonical name = db.example.com."
#check: output contains "db.example.com."
#check: last dns servedBy == pod/coredns-*

## Step: No rules in kube-proxy
# iptables-save on a node has no chain for `default/database`.
docker exec kind-worker iptables-save -t nat | grep -c database
#check: last output == "0\n"
