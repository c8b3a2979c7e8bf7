// Files of the official nginx image (docker-library/nginx, mainline 1.27): its nginx.conf, conf.d/default.conf
// and the welcome page. The welcome page text is nginx's own html/index.html; the error page layout is
// ngx_http_special_response.c's (CRLF line ends, `nginx/<version>` with server_tokens on).

export const NGINX_VERSION = '1.27.4'
/** Build time of the image's html files (Last-Modified, and the ETag's first half). */
export const NGINX_HTML_MTIME = Date.UTC(2025, 1, 5, 11, 6, 32) / 1000

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`

/** The image's files, by path, before any volume is mounted over them. */
export function nginxImageFiles(): Map<string, string> {
  return new Map([
    ['/etc/nginx/nginx.conf', NGINX_CONF],
    ['/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF],
    ['/etc/nginx/mime.types', ''],
    ['/usr/share/nginx/html/index.html', NGINX_WELCOME],
    ['/usr/share/nginx/html/50x.html', NGINX_50X],
  ])
}

/** nginx's built-in error page for a status (`<hr><center>nginx</center>` when server_tokens is off). */
export function nginxErrorPage(status: number, reason: string, serverTokens = true): string {
  const tail = serverTokens ? `nginx/${NGINX_VERSION}` : 'nginx'
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>${tail}</center>\r\n</body>\r\n</html>\r\n`
}
