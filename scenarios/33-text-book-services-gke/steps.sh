#!/usr/bin/env bash
# title: Text: the book's Services chapter on GKE, inside the cluster (sections 5.1, 5.2)
# group: Services
# summary: The book chapter's first half typed in order on GKE: a Service with the listing's own typo, exec into a pod, env vars, DNS, endpoints, an external service.
# behaviours: 9, 15, 16, 18, 19, 29
# profile: gke
# The chapter (seed 003) ran on GKE in 2017. Its ReplicationController comes from the previous chapter
# (`kubia-rc.yaml`). Pod names differ from the book's, so lines naming a pod take one from `kubectl get`.

## Step: The pods and the listing's Service
# Listing 5.1 names the Service `kubernia` and selects `app=kubernia`, which no pod has (the book's own
# output shows a Service called `kubia`). Typed as printed, the Service has no endpoints and refuses.
gcloud container clusters create kubia --num-nodes 3
kubectl create -f kubia-rc.yaml
kubectl wait --for=condition=Ready pod -l app=kubia
kubectl create -f kubernia-svc.yaml
kubectl get svc
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- curl -s http://$(kubectl get svc kubernia -o jsonpath='{.spec.clusterIP}')
#check: last curl outcome == refused
#check: last curl actions contains reject

## Step: The Service the book meant
# `kubectl expose` makes the `kubia` Service the rest of the chapter uses, selecting `app=kubia`.
kubectl expose rc kubia --port=80 --target-port=8080
kubectl get svc
kubectl exec $POD -- curl -s http://$(kubectl get svc kubia -o jsonpath='{.spec.clusterIP}')
# The book's sidebar types it without `--` to show why the dashes matter; today's kubectl refuses the form outright.
kubectl exec $POD curl -s http://$(kubectl get svc kubia -o jsonpath='{.spec.clusterIP}')
#check: last curl outcome == delivered
#check: output contains "You've hit kubia-"

## Step: Discovering the Service: environment variables and DNS
# Pods created after the Service get its address in their environment; delete them so the RC recreates them.
kubectl delete po --all
kubectl wait --for=condition=Ready pod -l app=kubia
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- env
# The book opens a shell with `kubectl exec -it $POD bash` (no `--`, refused today) and types the lines below in it.
kubectl exec -it $POD bash
kubectl exec $POD -- curl -s http://kubia.default.svc.cluster.local
kubectl exec $POD -- curl -s http://kubia
kubectl exec $POD -- cat /etc/resolv.conf
#check: output contains "KUBIA_SERVICE_HOST="
#check: every curl outcome == delivered

## Step: Endpoints, and a Service for something outside
# The Endpoints object lists the pods' addresses. A Service without a selector gets none until you write
# them; listing 5.9's addresses (11.11.11.11, 22.22.22.22) are placeholders nobody answers.
kubectl describe svc kubia
kubectl get endpoints kubia
kubectl create -f external-service.yaml
kubectl create -f external-service-endpoints.yaml
kubectl get endpoints external-service
kubectl delete svc external-service
kubectl create -f external-service-externalname.yaml
# The kubia image has no nslookup (the book says so in 5.6.2): the lookup runs in a dnsutils pod, as the book's does.
kubectl exec $POD -- nslookup external-service
kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity
kubectl wait --for=condition=Ready pod/dnsutils
kubectl exec dnsutils -- nslookup external-service
#check: output contains "11.11.11.11:80,22.22.22.22:80"
#check: output contains "executable file not found in"
#check: output contains "canonical name = someapi.somecompany.com."
