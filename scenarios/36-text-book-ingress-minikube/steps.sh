#!/usr/bin/env bash
# title: Text: the book's Ingress on minikube (section 5.4)
# group: Getting in from outside
# summary: The book's Ingress walkthrough on minikube: enable the ingress add-on, an Ingress for kubia.example.com, the host name in /etc/hosts, and a request through the controller.
# behaviours: 25, 27
# profile: minikube
# The book (seed 003) enables minikube's ingress add-on and maps kubia.example.com to the minikube address.

## Step: The pods and a NodePort Service
minikube start
kubectl create -f kubia-rc.yaml
kubectl create -f kubia-svc-nodeport.yaml
kubectl wait --for=condition=Ready pod -l app=kubia
#check: output contains "service/kubia-nodeport created"

## Step: The ingress add-on
# Today's list is a table (the book's is a 2017 list); ingress starts disabled.
minikube addons list
minikube addons enable ingress
kubectl get po --all-namespaces
#check: output contains "ingress-nginx-controller-"
#check: output contains "The 'ingress' addon is enabled"

## Step: An Ingress for kubia.example.com
# Listing 5.13 is `extensions/v1beta1`, which Kubernetes stopped serving in v1.22: kubectl finds no such kind.
# The same Ingress in `networking.k8s.io/v1` (backend.service.name/port.number, and a pathType) is what works now.
kubectl create -f kubia-ingress.yaml
kubectl create -f kubia-ingress-v1.yaml
sleep 30
kubectl get ingresses
#check: output contains "no matches for kind \"Ingress\" in version \"extensions/v1beta1\""
#check: output contains "kubia.example.com"

## Step: The name, then a request through the controller
# The book adds the address to /etc/hosts (here without sudo: the playground's machine lets you write it).
echo "$(minikube ip)    kubia.example.com" >> /etc/hosts
curl http://kubia.example.com
#check: last curl outcome == delivered
#check: last curl path contains ingress-nginx-controller
#check: output contains "You've hit kubia-"

## Step: TLS at the Ingress
# Section 5.4.4: a self-signed certificate for kubia.example.com, stored in a `kubernetes.io/tls` Secret that the
# Ingress names. Listing 5.16 is `extensions/v1beta1` again, so its v1 form follows. The controller terminates TLS
# with that certificate (curl's `subject:` line, and `openssl s_client`'s chain); the pod still gets plain HTTP.
openssl genrsa -out tls.key 2048
openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com
kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key
kubectl apply -f kubia-ingress-tls.yaml
kubectl apply -f kubia-ingress-tls-v1.yaml
curl -k -v https://kubia.example.com/kubia
openssl s_client -connect kubia.example.com:443 -servername kubia.example.com < /dev/null 2>/dev/null | head -10
#check: output contains "secret/tls-secret created"
#check: output contains "subject: CN=kubia.example.com"
#check: output contains " 0 s:CN = kubia.example.com"
#check: last curl outcome == delivered
