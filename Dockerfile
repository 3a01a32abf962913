# Casemap API / worker image. One image, two services: `casemap serve` and `casemap worker`.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN npm run build
EXPOSE 8080
ENTRYPOINT ["npx", "tsx", "bin/casemap.ts"]
CMD ["serve"]
