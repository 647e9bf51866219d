curl {{ url }}
{%- for option in options %} \
    {{ option }}
{%- endfor %}
