#!/usr/bin/env bash
# title: The Gateway API on kind
# group: Getting in from outside
# summary: Without its CRDs a Gateway is an unknown kind; cloud-provider-kind installs them, serves GatewayClass cloud-provider-kind and runs an envoy per Gateway that splits traffic by weight, matches headers and redirects.
# behaviours: 23, 25
# The Gateway API is where Ingress users are moving. Its kinds are not built into Kubernetes: they come as
# CustomResourceDefinitions, and an implementation (here cloud-provider-kind's envoy) serves them.

## Step: A bare cluster does not know the Gateway kind
# kubectl asks the API server's discovery for `gateway.networking.k8s.io/v1` and finds nothing: the CRDs are not installed.
kind create cluster
kubectl apply -f gateway.yaml
kubectl get gateways
#check: output contains "ensure CRDs are installed first"
#check: output contains "the server doesn't have a resource type"

## Step: cloud-provider-kind installs the CRDs and its GatewayClass
# On a real machine cloud-provider-kind keeps running in another terminal. At start it creates the standard
# Gateway API CRDs and the GatewayClass `cloud-provider-kind`, which it accepts.
cloud-provider-kind
kubectl get crd
kubectl get gatewayclass
#check: output contains "gateways.gateway.networking.k8s.io"
#check: output contains "kind.sigs.k8s.io/gateway-controller   True"

## Step: A Gateway, two versions of an app and an HTTPRoute
# The Gateway gets its own envoy container on the kind network: its address is the Gateway's. The route
# splits requests 80/20 between the blue and green Services, sends `x-canary: yes` to green, and redirects `/old`.
kubectl apply -f apps.yaml
kubectl apply -f gateway.yaml -f route.yaml
kubectl wait --for=condition=Available deployment --all
kubectl wait --for=condition=Programmed gateway/web
kubectl get gateway web
kubectl get httproute kubia
kubectl describe httproute kubia
GATEWAY=$(kubectl get gateway web -o jsonpath='{.status.addresses[0].value}')
#check: output contains "Route is accepted."
#check: output contains "cloud-provider-kind   172.18.0."

## Step: Weighted backends
# envoy picks blue or green by weight for each request, then sends it to that Service's cluster IP through a
# node, where kube-proxy's rules pick the pod: two proxies, one after the other.
for i in $(seq 100); do curl -s -H 'Host: kubia.example.com' http://$GATEWAY/; done | sort | uniq -c
#check: distribution curl pod ≈ 40/40/20 ±10
#check: every curl path contains loadbalancer/
#check: every curl actions contains DNAT

## Step: Header match, header added, redirect, no route
# The rule with a header match wins over the catch-all rule for the same path (more header matches rank
# higher). `/old` answers a redirect from envoy itself; a host no route names gets envoy's 404.
curl -s -H 'Host: kubia.example.com' -H 'x-canary: yes' http://$GATEWAY/
curl -si -H 'Host: kubia.example.com' http://$GATEWAY/old/page
curl -si http://$GATEWAY/
#check: first curl pod contains green-
#check: output contains "location: http://kubia.example.com/new/page"
#check: output contains "404 Not Found"

## Step: Ingress habits the CRD refuses
# The Gateway API says `PathPrefix`, not `Prefix`, and a Service backend needs its port: the CRD's schema and
# CEL rules answer before anything is stored.
kubectl apply -f bad-route.yaml
#check: output contains "Unsupported value: \"Prefix\""
