
	{{define "x"}}TEXT{{end}}
	{{define "dotV"}}{{.V}}{{end}}
