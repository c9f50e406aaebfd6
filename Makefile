# CMOSC directory. `make help` lists the targets.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.instalado
PORT ?= 8000
N ?= 2000

.DEFAULT_GOAL := help
.PHONY: help html serve publish validar lint test bench clean sistema admin derivados

help: ## muestra esta ayuda
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

NODE_STAMP := node_modules/.package-lock.json

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Exactly what package-lock.json pins (decap-server for the editor and its tests, the
# validators of tests/support/validators.py). No install scripts: vnu-jar's would download
# a Java, and Debian's is used (scripts/instalar-sistema.sh).
$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

html: $(STAMP) ## valida y construye el sitio en output/
	$(BIN)/cmosc construir

serve: $(STAMP) ## construye, sirve en http://localhost:8000 y reconstruye al guardar cambios
	$(BIN)/cmosc servir --puerto $(PORT)

publish: $(STAMP) ## construye el sitio público con publishconf.py
	$(BIN)/cmosc construir --config publishconf.py

validar: $(STAMP) ## valida perfiles y vocabularios
	$(BIN)/cmosc validar

sistema: ## instala Chromium, Node.js, npm y Java si faltan (pruebas de navegador y validadores)
	@bash scripts/instalar-sistema.sh

lint: $(STAMP) ## estilo (ruff) y dirección de las importaciones entre etapas (import-linter)
	$(BIN)/ruff check cmosc tests benchmarks pelicanconf.py publishconf.py
	$(BIN)/ruff format --check cmosc tests benchmarks pelicanconf.py publishconf.py
	$(BIN)/lint-imports

test: $(STAMP) sistema $(NODE_STAMP) lint ## corre todas las pruebas, con navegador y validadores (en los dos núcleos)
	$(BIN)/pytest -n 2

bench: $(STAMP) sistema $(NODE_STAMP) ## mide velocidad, tamaño y Lighthouse; escribe benchmarks/RESULTS.md (N=$(N); con N mayor que 20000, solo nuestra construcción frente a N=20000)
	$(BIN)/python -m benchmarks.run --n $(N)

clean: ## borra output/ y cachés
	rm -rf output .output-* .cache .pytest_cache __pycache__ */__pycache__ benchmarks/.trabajo

derivados: $(STAMP) ## regenera JSON Schema, editor web, formularios y secciones de la guía
	$(BIN)/cmosc derivados

admin: $(NODE_STAMP) ## servidor local del editor web: con `make serve` en otra terminal, abrí /admin/
	@echo "Editor web local: con «make serve» en otra terminal, abrí http://localhost:$(PORT)/admin/"
	BIND_HOST=127.0.0.1 MODE=fs node_modules/.bin/decap-server
