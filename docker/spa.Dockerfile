# MeiKe web app on nginx; /api is proxied to the backend. Build from the repository root:
#   docker build -f docker/spa.Dockerfile --build-arg OIDC_AUTHORITY=https://id.example.com/realms/meike -t meike-spa .
FROM node:20 AS build
ARG OIDC_AUTHORITY=http://localhost:8180/realms/meike
WORKDIR /src
COPY openapi.yaml ./
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend frontend
RUN cd frontend && VITE_OIDC_AUTHORITY="$OIDC_AUTHORITY" npx vite build

FROM nginx:1.27-alpine
COPY docker/spa/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/frontend/dist /usr/share/nginx/html
EXPOSE 80
